/** GraphQL over HTTP (POST and GET) and the GraphiQL page. */
package org.smartcare.graphql.http;
