/** The GraphQL API: schema wiring per feature, data loaders, masking, HTTP and graphql-transport-ws transports. Depends on every feature; none depends on it. */
package org.smartcare.graphql;
