/** GraphQL subscriptions over WebSocket, speaking the graphql-transport-ws protocol. */
package org.smartcare.graphql.ws;
