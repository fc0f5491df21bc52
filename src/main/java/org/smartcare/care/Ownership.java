package org.smartcare.care;

/** 公办公营, 公建民营, 民办. */
public enum Ownership {
    PUBLIC, PUBLIC_BUILT_PRIVATE_RUN, PRIVATE
}
