/** The MQTT edge of ingest: a Paho v5 shared-subscription consumer that acknowledges only after commit. */
package org.smartcare.ingest.mqtt;
