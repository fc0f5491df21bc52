/** The care registry: regions, institutions, elders and their contacts. Depends on no other feature. */
package org.smartcare.care;
