/** Identity, roles, tenant scope, masking of personal data and token minting. Used by graphql; depends on no feature. */
package org.smartcare.security;
