# syntax=docker/dockerfile:1
# The image-gate CLI in a container: the npm tarball (what `npm install -g` users get, nothing
# else) installed on the official Node 24 image, run as the image's non-root `node` user (uid 1000,
# numeric so Kubernetes' runAsNonRoot can check it) in /work, where a deploy's files are mounted:
#   docker run --rm -v "$PWD:/work" ghcr.io/OWNER/image-gate verify --key cosign.pub IMAGE...
# Base: node:24-slim (Node 24.19.0, Debian bookworm) by index digest, from docker-library/repo-info.
FROM --platform=$BUILDPLATFORM node:24-slim@sha256:cd84903a12dbd26b46f1f3b8144a2568c41c5d37ddd0c7a80a34c7a19786b35f AS pack
WORKDIR /src
COPY . .
RUN npm pack --ignore-scripts --pack-destination /tmp && mv /tmp/image-gate-*.tgz /tmp/image-gate.tgz

FROM node:24-slim@sha256:cd84903a12dbd26b46f1f3b8144a2568c41c5d37ddd0c7a80a34c7a19786b35f
COPY --from=pack /tmp/image-gate.tgz /tmp/image-gate.tgz
RUN npm install --global --offline --no-audit --no-fund /tmp/image-gate.tgz \
  && rm /tmp/image-gate.tgz && mkdir /work && chown 1000:1000 /work
USER 1000:1000
WORKDIR /work
ENTRYPOINT ["image-gate"]
CMD ["--help"]
