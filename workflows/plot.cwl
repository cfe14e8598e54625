#!/usr/bin/env cwl-runner
# Step 4 of the DAG: the picture.
cwlVersion: v1.2
class: CommandLineTool
doc: "course jobs plot: chart of the summary"
baseCommand: [course, jobs, plot]
arguments: [--out, summary.png]
inputs:
  summary: {type: File, inputBinding: {position: 1}}
outputs:
  chart:
    type: File
    outputBinding: {glob: summary.png}
