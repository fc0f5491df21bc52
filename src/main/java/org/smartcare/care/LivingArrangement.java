package org.smartcare.care;

/** 独居, 空巢, with family, in an institution. */
public enum LivingArrangement {
    ALONE, EMPTY_NEST, WITH_FAMILY, IN_INSTITUTION
}
