/**
 * Reads WAV files and turns clips into fixed-size spectrogram features: {@link
 * io.mmbalance.datasets.audio.WavFiles} decodes PCM and float WAV to mono, {@link
 * io.mmbalance.datasets.audio.Resampler} changes the rate with a polyphase windowed sinc, and
 * {@link io.mmbalance.datasets.audio.FeatureExtractor} computes the log-mel or log-STFT
 * spectrogram an {@link io.mmbalance.datasets.audio.AudioRecipe} describes, with the FFT of
 * JTransforms.
 */
package io.mmbalance.datasets.audio;
