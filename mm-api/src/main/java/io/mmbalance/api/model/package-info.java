/** Plugin points for model parts: per-modality encoders and multimodal fusion heads. */
package io.mmbalance.api.model;
