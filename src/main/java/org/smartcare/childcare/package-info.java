/**
 * Children under three (婴幼儿), their guardians, their enrolment at nurseries, and the short-lived camera view
 * grants guardians receive. Depends on care (institutions), device (cameras) and alert (opening hours).
 */
package org.smartcare.childcare;
