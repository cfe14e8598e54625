#!/usr/bin/env cwl-runner
# Step 3 of the DAG: gather every reduced row into one summary table (waits for all reduce jobs).
cwlVersion: v1.2
class: CommandLineTool
doc: "course jobs merge: reduced files to one summary sorted by raw file"
baseCommand: [course, jobs, merge]
arguments: [--out, summary.csv]
inputs:
  reduced: {type: "File[]", inputBinding: {position: 1}}
outputs:
  summary:
    type: File
    outputBinding: {glob: summary.csv}
