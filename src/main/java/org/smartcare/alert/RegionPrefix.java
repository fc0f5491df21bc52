package org.smartcare.alert;

/**
 * GB/T 2260 codes nest by digits: a province is xx0000, a city xxxx00, a county all six. So "this region
 * or any under it" is a code prefix.
 */
public final class RegionPrefix {

    private RegionPrefix() {
    }

    public static String of(String code) {
        if (code == null || !code.matches("[1-9][0-9]{5}")) {
            throw new IllegalArgumentException("region must be a six-digit GB/T 2260 code, got " + code);
        }
        if (code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        return code.endsWith("00") ? code.substring(0, 4) : code;
    }
}
