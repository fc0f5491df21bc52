package org.smartcare.order;

/**
 * GB/T 2260 codes nest by digits (province xx0000, city xxxx00, county all six), so "this region or any
 * under it" is a code prefix. Order statistics and filters use the elder's region: the service is at home.
 */
final class RegionCodes {

    private RegionCodes() {
    }

    static String prefix(String code) {
        if (code == null || !code.matches("[1-9][0-9]{5}")) {
            throw new IllegalArgumentException("region must be a six-digit GB/T 2260 code, got " + code);
        }
        if (code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        return code.endsWith("00") ? code.substring(0, 4) : code;
    }
}
