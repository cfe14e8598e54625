#!/usr/bin/env cwl-runner
# Step 2 of the DAG, run once per raw file (the workflow scatters it): one batch job.
cwlVersion: v1.2
class: CommandLineTool
doc: "course jobs reduce: one raw file to one reduced row"
baseCommand: [course, jobs, reduce]
inputs:
  raw: {type: File, inputBinding: {position: 1}}
  work: {type: int, default: 200, inputBinding: {prefix: --work, position: 3}}
  bad_lines:
    type: string
    default: fail
    doc: "fail: stop on a line that is not a number; skip: skip and count it"
    inputBinding: {prefix: --bad-lines, position: 4}
arguments:
  - {valueFrom: $(inputs.raw.nameroot).reduced.csv, position: 2}
requirements:
  InlineJavascriptRequirement: {}
outputs:
  reduced:
    type: File
    outputBinding: {glob: $(inputs.raw.nameroot).reduced.csv}
