package org.smartcare.indicator;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.smartcare.care.InstitutionType;
import org.smartcare.care.Ownership;

/** What the registry holds for a region: institutions by kind and their capacities. */
public record RegistryFigures(Map<InstitutionType, Long> byType, long institutionBeds, long elderCareBeds,
                              long nursingBeds, long occupiedBeds, long safetyNetBeds, long inclusiveBeds,
                              long publicOrInclusiveBeds, long filedNurseries, long demonstrationNurseries,
                              long places, long inclusivePlaces, long enrolled) {

    /** 养老机构: residential homes and medical-elderly combined institutions. */
    static final Set<InstitutionType> INSTITUTIONS =
            EnumSet.of(InstitutionType.ELDER_CARE_HOME, InstitutionType.MEDICAL_CARE_COMBINED);
    /** 社区服务机构: community and rural elder-care facilities. */
    static final Set<InstitutionType> COMMUNITY = EnumSet.of(InstitutionType.STREET_CARE_CENTER,
            InstitutionType.COMMUNITY_DAY_CARE, InstitutionType.RURAL_HAPPINESS_HOME, InstitutionType.MEAL_POINT);
    /** 托育机构: nurseries, kindergarten nursery classes and family nursery points. */
    static final Set<InstitutionType> CHILDCARE = EnumSet.of(InstitutionType.NURSERY,
            InstitutionType.KINDERGARTEN_NURSERY_CLASS, InstitutionType.FAMILY_NURSERY);

    public RegistryFigures {
        byType = Map.copyOf(byType);
    }

    public static RegistryFigures of(List<InstitutionGroup> groups) {
        Map<InstitutionType, Long> byType = new EnumMap<>(InstitutionType.class);
        long institutionBeds = 0, elderCareBeds = 0, nursing = 0, occupied = 0, safetyNet = 0, inclusive = 0,
                publicOrInclusive = 0, filed = 0, demonstration = 0, places = 0, inclusivePlaces = 0, enrolled = 0;
        for (InstitutionGroup g : groups) {
            byType.merge(g.type(), g.institutions(), Long::sum);
            if (INSTITUTIONS.contains(g.type()) || COMMUNITY.contains(g.type())) {
                elderCareBeds += g.beds();
            }
            if (INSTITUTIONS.contains(g.type())) {
                boolean publicOwned = g.ownership() != Ownership.PRIVATE;
                institutionBeds += g.beds();
                nursing += g.nursingBeds();
                occupied += g.occupiedBeds();
                safetyNet += publicOwned ? g.beds() : 0;
                inclusive += g.inclusive() && !publicOwned ? g.beds() : 0;
                publicOrInclusive += publicOwned || g.inclusive() ? g.beds() : 0;
            }
            if (CHILDCARE.contains(g.type())) {
                filed += g.filed() ? g.institutions() : 0;
                demonstration += g.demonstration() ? g.institutions() : 0;
                places += g.places();
                inclusivePlaces += g.inclusive() ? g.places() : 0;
                enrolled += g.enrolled();
            }
        }
        return new RegistryFigures(byType, institutionBeds, elderCareBeds, nursing, occupied, safetyNet, inclusive,
                publicOrInclusive, filed, demonstration, places, inclusivePlaces, enrolled);
    }

    public long count(Set<InstitutionType> types) {
        return types.stream().mapToLong(type -> byType.getOrDefault(type, 0L)).sum();
    }
}
