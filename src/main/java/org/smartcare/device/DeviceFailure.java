package org.smartcare.device;

/** An expected refusal of a device administration step, with a stable code the API returns as data. */
public record DeviceFailure(Code code, String message) {

    /** Why a step was refused. */
    public enum Code {
        /** The input cannot be used (bad id shape, missing tenant, an elder or institution of another tenant). */
        INVALID_INPUT,
        /** No such device (or tenant, elder, institution) visible to the caller. */
        NOT_FOUND,
        /** The id is already registered with other details. */
        ALREADY_REGISTERED,
        /** The id was revoked; revoked ids are never reused. */
        REVOKED,
        /** The broker's account store did not answer or refused; nothing was changed in the registry. */
        BROKER_UNAVAILABLE
    }
}
