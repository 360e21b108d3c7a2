/** Helpers for reading and validating Typesafe Config sections. */
package io.mmbalance.api.config;
