/**
 * Dataset providers: {@code mnist}, {@code fashion-mnist} and {@code cg-mnist} (colored-and-gray
 * MNIST, built from a seed and cached) on the IDX reader; {@code fsdd} (spoken digits) and
 * {@code av-digits} (spoken digits paired with MNIST images) on the WAV reader and cached
 * spectrograms; {@code cremad} and {@code kinetics-sounds} (audio and video frames in the
 * OGM-GE layout); and {@code manifest}, a dataset of image and WAV files listed in CSV files.
 */
package io.mmbalance.datasets;
