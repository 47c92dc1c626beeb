using System.Text;

namespace Kite.Core.Benchmarks;

/// <summary>
/// A flow of <c>groups * 10</c> tasks shaped like real ones: Log, OutputValues, If/else, ForEach over a Log and an OutputValues, Sequential with a Return,
/// with inputs, variables, a schedule and plugin defaults, and an expression in most tasks.
/// </summary>
public static class GeneratedFlow
{
    public static string Yaml(int groups)
    {
        var yaml = new StringBuilder("""
            id: generated
            namespace: company.bench
            description: generated for the benchmark
            labels:
              team: data
            inputs:
              - id: name
                type: STRING
                defaults: world
              - id: count
                type: INT
                defaults: 3
            variables:
              greeting: hello
            pluginDefaults:
              - type: io.kestra.plugin.core.log.Log
                values:
                  level: INFO
            triggers:
              - id: nightly
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "0 2 * * *"
            tasks:

            """);
        for (var g = 0; g < groups; g++)
        {
            yaml.Append($$$"""
                  - id: log_{{{g}}}
                    type: io.kestra.plugin.core.log.Log
                    message: "{{ vars.greeting }} {{ inputs.name }} from {{ task.id }}"
                  - id: values_{{{g}}}
                    type: io.kestra.plugin.core.output.OutputValues
                    values:
                      index: {{{g}}}
                      name: "{{ inputs.name | upper }}"
                  - id: if_{{{g}}}
                    type: io.kestra.plugin.core.flow.If
                    condition: "{{ inputs.count > {{{g % 5}}} }}"
                    then:
                      - id: then_{{{g}}}
                        type: io.kestra.plugin.core.log.Log
                        message: "big {{ outputs['values_{{{g}}}'].values.index }}"
                    else:
                      - id: else_{{{g}}}
                        type: io.kestra.plugin.core.log.Log
                        message: small
                  - id: each_{{{g}}}
                    type: io.kestra.plugin.core.flow.ForEach
                    values: ["a", "b", "c"]
                    tasks:
                      - id: item_{{{g}}}
                        type: io.kestra.plugin.core.log.Log
                        message: "{{ taskrun.value }}"
                      - id: item_values_{{{g}}}
                        type: io.kestra.plugin.core.output.OutputValues
                        values:
                          v: "{{ taskrun.value ~ '-' ~ taskrun.iteration }}"
                  - id: seq_{{{g}}}
                    type: io.kestra.plugin.core.flow.Sequential
                    timeout: PT5M
                    tasks:
                      - id: seq_return_{{{g}}}
                        type: io.kestra.plugin.core.debug.Return
                        format: "{{ execution.id }} {{ now() | date('yyyy-MM-dd') }}"

                """);
        }
        return yaml.ToString();
    }
}
