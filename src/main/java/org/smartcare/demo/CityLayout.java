package org.smartcare.demo;

import java.util.ArrayList;
import java.util.List;
import org.smartcare.care.InstitutionType;
import org.smartcare.care.Ownership;

/**
 * What a plan city consists of, worked out from a plan's current figures at a scale (1 = the real city). Counts
 * and capacities are the plan's figures times the scale, rounded; shares are met by splitting the capacities
 * between groups of institutions (public, inclusive, market); the population denominators are the ones the
 * plan's own per-capita figures imply (beds / beds per 1,000 older people; places / places per 1,000 people),
 * since the plans publish no population for the city. Pure.
 *
 * @param hardshipElders elders in special hardship at home to register (at least 1,000, so that a visit rate
 *                       printed with one decimal is reproduced exactly)
 */
public record CityLayout(List<PlannedInstitution> institutions, long aged60Plus, long total, int hardshipElders,
                         int visitedElders) {

    static final int MIN_HARDSHIP_ELDERS = 1000;
    private static final InstitutionType[] COMMUNITY = {InstitutionType.STREET_CARE_CENTER,
            InstitutionType.COMMUNITY_DAY_CARE, InstitutionType.RURAL_HAPPINESS_HOME, InstitutionType.MEAL_POINT};
    private static final InstitutionType[] CHILDCARE = {InstitutionType.NURSERY, InstitutionType.NURSERY,
            InstitutionType.KINDERGARTEN_NURSERY_CLASS, InstitutionType.FAMILY_NURSERY};

    public CityLayout {
        institutions = List.copyOf(institutions);
    }

    public static CityLayout of(PlanBaseline plan, double scale, List<String> districts) {
        if (!(scale > 0) || districts.isEmpty()) {
            throw new IllegalArgumentException("a plan city needs a positive scale and at least one district");
        }
        List<PlannedInstitution> all = new ArrayList<>();
        int beds = scaled(plan.require("INSTITUTION_BEDS"), scale);
        elderCare(plan, scale, beds, districts, all);
        int facilities = scaled(plan.require("COMMUNITY_FACILITIES"), scale);
        for (int i = 0; i < facilities; i++) {
            all.add(new PlannedInstitution(code("CF", i), "社区养老服务设施 " + (i + 1), COMMUNITY[i % COMMUNITY.length],
                    Ownership.PUBLIC, true, district(districts, i), 0, 0, 0, true, false));
        }
        int places = scaled(plan.require("CHILDCARE_PLACES"), scale);
        childcare(plan, scale, places, districts, all);
        int hardship = Math.max(MIN_HARDSHIP_ELDERS, scaled(MIN_HARDSHIP_ELDERS, scale));
        return new CityLayout(all, Math.round(beds * 1000 / plan.require("BEDS_PER_1000_OLDER")),
                Math.round(places * 1000 / plan.require("PLACES_PER_1000")), hardship,
                (int) Math.round(hardship * plan.require("HARDSHIP_VISIT_RATE") / 100));
    }

    private static void elderCare(PlanBaseline plan, double scale, int beds, List<String> districts,
                                  List<PlannedInstitution> all) {
        int homes = scaled(plan.require("ELDER_CARE_INSTITUTIONS"), scale);
        int publicBeds = share(beds, plan.require("SAFETY_NET_BED_SHARE"));
        int inclusiveBeds = share(beds, plan.require("INCLUSIVE_BED_SHARE"));
        int nursing = share(beds, plan.require("NURSING_BED_SHARE"));
        int publicHomes = Math.max(1, (int) Math.round((double) homes * publicBeds / beds));
        int inclusiveHomes = Math.max(1, (int) Math.round((double) homes * inclusiveBeds / beds));
        int marketHomes = Math.max(beds - publicBeds - inclusiveBeds > 0 ? 1 : 0, homes - publicHomes - inclusiveHomes);
        int[] bedsOf = concat(split(publicBeds, publicHomes), split(inclusiveBeds, inclusiveHomes),
                split(beds - publicBeds - inclusiveBeds, marketHomes));
        int[] nursingOf = proportional(nursing, bedsOf);
        for (int i = 0; i < bedsOf.length; i++) {
            boolean isPublic = i < publicHomes;
            boolean isInclusive = !isPublic && i < publicHomes + inclusiveHomes;
            InstitutionType type = i % 10 == 9 ? InstitutionType.MEDICAL_CARE_COMBINED : InstitutionType.ELDER_CARE_HOME;
            Ownership ownership = !isPublic ? Ownership.PRIVATE
                    : i % 3 == 0 ? Ownership.PUBLIC_BUILT_PRIVATE_RUN : Ownership.PUBLIC;
            all.add(new PlannedInstitution(code("EC", i), "养老机构 " + (i + 1), type, ownership, isInclusive,
                    district(districts, i), bedsOf[i], nursingOf[i], 0, true, false));
        }
    }

    private static void childcare(PlanBaseline plan, double scale, int places, List<String> districts,
                                  List<PlannedInstitution> all) {
        int nurseries = scaled(plan.require("CHILDCARE_INSTITUTIONS"), scale);
        int filed = scaled(plan.require("FILED_NURSERIES"), scale);
        int demonstration = scaled(plan.require("DEMONSTRATION_NURSERIES"), scale);
        int inclusivePlaces = share(places, plan.require("INCLUSIVE_PLACE_SHARE"));
        int inclusive = Math.max(inclusivePlaces > 0 ? 1 : 0, (int) Math.round((double) nurseries * inclusivePlaces / places));
        int[] placesOf = concat(split(inclusivePlaces, inclusive), split(places - inclusivePlaces, nurseries - inclusive));
        for (int i = 0; i < placesOf.length; i++) {
            all.add(new PlannedInstitution(code("CC", i), "托育机构 " + (i + 1), CHILDCARE[i % CHILDCARE.length],
                    i % 4 == 0 ? Ownership.PUBLIC : Ownership.PRIVATE, i < inclusive, district(districts, i), 0, 0,
                    placesOf[i], i < filed, i < demonstration));
        }
    }

    static int scaled(double figure, double scale) {
        return (int) Math.round(figure * scale);
    }

    private static int share(int whole, double percent) {
        return (int) Math.round(whole * percent / 100);
    }

    /** {@code total} in {@code parts} near-equal whole parts. */
    static int[] split(int total, int parts) {
        int[] out = new int[Math.max(parts, 0)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) ((long) total * (i + 1) / parts - (long) total * i / parts);
        }
        return out;
    }

    /** {@code total} split in proportion to the weights; no part exceeds its weight when total <= sum of weights. */
    static int[] proportional(int total, int[] weights) {
        long sum = 0;
        for (int w : weights) {
            sum += w;
        }
        int[] out = new int[weights.length];
        long before = 0;
        for (int i = 0; i < weights.length; i++) {
            long upTo = before + weights[i];
            out[i] = (int) (sum == 0 ? 0 : total * upTo / sum - total * before / sum);
            before = upTo;
        }
        return out;
    }

    private static int[] concat(int[]... parts) {
        return java.util.Arrays.stream(parts).flatMapToInt(java.util.Arrays::stream).toArray();
    }

    private static String code(String prefix, int i) {
        return String.format("PLAN-%s-%05d", prefix, i + 1);
    }

    private static String district(List<String> districts, int i) {
        return districts.get(i % districts.size());
    }
}
