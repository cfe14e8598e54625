"""Notebook 11: the lecture's block parallelism with mpi4py. The heat grid in row blocks (the
same split as optpar.mpi.RowBlocks), one halo row exchanged with each neighbour per step
(Sendrecv), the NumPy update of heat.py, the grid gathered on rank 0 and its checksum printed.

    mpirun -np 2 python3 mpi_heat.py --n 400 --steps 100
"""
import argparse
import time

import numpy as np
from mpi4py import MPI

from heat import factor, initial
from timing import report

a = argparse.ArgumentParser()
a.add_argument("--n", type=int, required=True)
a.add_argument("--steps", type=int, required=True)
o = a.parse_args()
comm = MPI.COMM_WORLD
rank, size = comm.Get_rank(), comm.Get_size()
n, f = o.n, factor(o.n)
# interior rows 1..n-2 split as evenly as possible: rank r owns [lo, hi)
lo = 1 + (n - 2) * rank // size
hi = 1 + (n - 2) * (rank + 1) // size
u0 = initial(n)
u = u0[lo - 1:hi + 1].copy()                      # own rows plus one halo row on each side
v = u.copy()
up = rank - 1 if rank > 0 else MPI.PROC_NULL
down = rank + 1 if rank < size - 1 else MPI.PROC_NULL
comm.Barrier()
t0 = time.perf_counter()
for _ in range(o.steps):
    # halos: my first row to the rank above, its last row into my top halo; and the mirror
    comm.Sendrecv(u[1], dest=up, recvbuf=u[0], source=up)
    comm.Sendrecv(u[-2], dest=down, recvbuf=u[-1], source=down)
    c = u[1:-1, 1:-1]
    v[1:-1, 1:-1] = c + f * ((u[2:, 1:-1] - 2 * c + u[:-2, 1:-1]) + (u[1:-1, 2:] - 2 * c + u[1:-1, :-2]))
    u, v = v, u
comm.Barrier()
seconds = time.perf_counter() - t0
blocks = comm.gather(u[1:-1], root=0)
if rank == 0:
    grid = np.vstack([u0[:1]] + blocks + [u0[-1:]])
    report(ranks=size, seconds=seconds, checksum=float(np.cumsum(grid.ravel())[-1]))
