#!/usr/bin/env cwl-runner
# Step 1 of the DAG: write the raw data files (one run of the instrument each).
cwlVersion: v1.2
class: CommandLineTool
doc: "course jobs generate: N small raw files, deterministic from the seed"
baseCommand: [course, jobs, generate]
arguments: [--out, raw]
inputs:
  files: {type: int, inputBinding: {prefix: --files}}
  samples: {type: int, default: 2000, inputBinding: {prefix: --samples}}
  seed: {type: int, default: 42, inputBinding: {prefix: --seed}}
  damage:
    type: int
    default: -1
    doc: "index of a file to damage (one line that is not a number), -1 for none"
    inputBinding: {prefix: --damage}
outputs:
  raw:
    type: File[]
    outputBinding: {glob: "raw/raw-*.csv"}
