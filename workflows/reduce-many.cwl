#!/usr/bin/env cwl-runner
# The lecture's workflow DAG:
#
#   generate --> reduce (one job per raw file, in parallel) --> merge --> plot
#
# Each step is a command of the course CLI (`course jobs ...`, found on PATH). Run it with
#   cwltool --no-container --parallel workflows/reduce-many.cwl workflows/reduce-many-job.yml
# The same file runs unchanged on other CWL engines (Toil on Slurm, Arvados, Airflow via cwl-airflow).
cwlVersion: v1.2
class: Workflow
doc: "Reduce many raw files in parallel, merge the results, plot them"
requirements:
  ScatterFeatureRequirement: {}
inputs:
  files: int
  samples: {type: int, default: 2000}
  seed: {type: int, default: 42}
  damage: {type: int, default: -1}
  work: {type: int, default: 200}
  bad_lines: {type: string, default: fail}
outputs:
  summary: {type: File, outputSource: merge/summary}
  chart: {type: File, outputSource: plot/chart}
  reduced: {type: "File[]", outputSource: reduce/reduced}
steps:
  generate:
    run: generate.cwl
    in: {files: files, samples: samples, seed: seed, damage: damage}
    out: [raw]
  reduce:
    run: reduce.cwl
    scatter: raw
    in: {raw: generate/raw, work: work, bad_lines: bad_lines}
    out: [reduced]
  merge:
    run: merge.cwl
    in: {reduced: reduce/reduced}
    out: [summary]
  plot:
    run: plot.cwl
    in: {summary: merge/summary}
    out: [chart]
