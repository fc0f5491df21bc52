package org.smartcare.security;

/** The person whose personal data was read: an elder, a child or a caregiver, by registry id. */
public record DataSubject(Kind kind, long id) {

    /** Kinds of people the registry holds personal data about. */
    public enum Kind { ELDER, CHILD, CAREGIVER }

    public DataSubject {
        if (kind == null) {
            throw new IllegalArgumentException("a data subject needs a kind");
        }
    }

    public static DataSubject elder(long id) {
        return new DataSubject(Kind.ELDER, id);
    }

    public static DataSubject child(long id) {
        return new DataSubject(Kind.CHILD, id);
    }

    public static DataSubject caregiver(long id) {
        return new DataSubject(Kind.CAREGIVER, id);
    }
}
