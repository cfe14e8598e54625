# The course in a container: Temurin 25 on Ubuntu, the same Debian-family packages as
# environment/debian-packages.txt, the support module built and the kernel installed at build time.
#   docker build -t optpar . && docker run --rm -p 8888:8888 optpar
#   docker run --rm -v "$PWD/target:/home/learner/optpar/target" optpar ./course book   # the book, into ./target/book
# Not built on the machines this course is developed on (they have no Docker engine): it mirrors
# ./course and environment/install.sh step by step, so a change there belongs here too.
FROM eclipse-temurin:25-jdk

# Packages: environment/debian-packages.txt (Jupyter on the distribution's python3, Maven, gcc,
# Open MPI, cwltool, Graphviz ...), minus the test-only ones (the browser of the book test).
COPY environment/debian-packages.txt /tmp/debian-packages.txt
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
      $(grep -v '^\s*#' /tmp/debian-packages.txt | grep -v 'test-only' | awk '{print $1}' | tr '\n' ' ') \
 && rm -rf /var/lib/apt/lists/*

# A non-root learner: Jupyter and mpirun need no --allow-root flags then.
RUN useradd --create-home --shell /bin/bash learner
USER learner
WORKDIR /home/learner/optpar
COPY --chown=learner:learner . .

# JAVA_HOME is set by the base image to its JDK 25, which ./course finds first.
# setup = build the support module and install the optpar-java kernel into ~/.local/share/jupyter.
RUN ./course setup

EXPOSE 8888
# Inside a container Jupyter must listen on all interfaces for -p 8888:8888 to reach it;
# outside one, ./course start binds to 127.0.0.1 only.
CMD ["./course", "start", "--ip", "0.0.0.0", "--port", "8888"]
