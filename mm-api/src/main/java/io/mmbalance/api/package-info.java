/** Plugin discovery shared by every kind of provider. */
package io.mmbalance.api;
