/** Plugin point for datasets: providers open splits of multimodal, labelled samples. */
package io.mmbalance.api.data;
