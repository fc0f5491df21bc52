package org.smartcare.childcare;

/** A child's guardian; {@code subject} is the guardian's FAMILY token subject. */
public record Guardian(long childId, String subject, String name, String relation, String phone) {
}
