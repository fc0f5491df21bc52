package org.smartcare.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Builds well-formed GB 11643 citizen ID numbers (with the ISO 7064 MOD 11-2 check digit) for demo people. */
final class NationalIds {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private NationalIds() {
    }

    static String of(String regionCode, LocalDate birthDate, int serial, boolean male) {
        int order = serial * 2 % 1000 + (male ? 1 : 0); // the 17th digit is odd for men
        String body = regionCode + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", order);
        return body + checkDigit(body);
    }

    static char checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }
}
