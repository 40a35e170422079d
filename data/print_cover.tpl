<div class="dlqa-cover">
  <h1>{{ config.site_name }}</h1>
  <p class="dlqa-cover-lead">{{ config.site_description }}</p>
  <table>
    <tr><td>Questions</td><td>{{ config.extra.dlqa_question_count }}</td></tr>
    <tr><td>Version</td><td>{{ config.extra.dlqa_version }}</td></tr>
    <tr><td>Date</td><td>{{ config.extra.dlqa_date }}</td></tr>
    <tr><td>Source</td><td>{{ config.repo_url }}</td></tr>
    <tr><td>Licence</td><td>{{ config.copyright }}</td></tr>
  </table>
</div>
