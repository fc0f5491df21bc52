package org.smartcare.indicator;

/**
 * The indicators the platform computes from its own data. The formula is part of the public contract: it is
 * what a dashboard shows next to the figure. "Elder-care types" are the 养老 institution types (homes, street
 * centres, day care, rural happiness homes, meal points, medical-elderly combined); "institutions" (养老机构)
 * are homes and medical-elderly combined; "community facilities" are the other elder-care types; "childcare
 * types" are nurseries, kindergarten nursery classes and family nursery points. Counts and capacities are the
 * registry's current ones; a region includes every region under it (region.parent_code).
 */
public enum IndicatorCode {
    ELDER_CARE_INSTITUTIONS("elder-care institutions", "养老机构数", IndicatorUnit.COUNT,
            "count of institutions of type ELDER_CARE_HOME or MEDICAL_CARE_COMBINED"),
    COMMUNITY_FACILITIES("community elder-care facilities", "社区服务机构数", IndicatorUnit.COUNT,
            "count of institutions of type STREET_CARE_CENTER, COMMUNITY_DAY_CARE, RURAL_HAPPINESS_HOME or MEAL_POINT"),
    INSTITUTION_BEDS("beds in elder-care institutions", "养老机构床位数", IndicatorUnit.COUNT,
            "sum of beds of elder-care institutions (ELDER_CARE_HOME, MEDICAL_CARE_COMBINED)"),
    ELDER_CARE_BEDS("elder-care beds", "养老服务床位", IndicatorUnit.COUNT,
            "sum of beds of all elder-care types (institutions and community facilities)"),
    BEDS_PER_1000_OLDER("elder-care beds per 1,000 older people", "每千名老年人养老床位数", IndicatorUnit.PER_1000,
            "elder-care beds (all elder-care types) / population aged 60+ x 1,000"),
    NURSING_BED_SHARE("share of nursing-type beds", "护理型床位占比", IndicatorUnit.PERCENT,
            "nursing-type beds / beds, over elder-care institutions (ELDER_CARE_HOME, MEDICAL_CARE_COMBINED) x 100"),
    SAFETY_NET_BED_SHARE("share of safety-net (public) beds", "兜底线养老床位占比", IndicatorUnit.PERCENT,
            "beds of publicly owned elder-care institutions (PUBLIC or PUBLIC_BUILT_PRIVATE_RUN) / institution beds x 100"),
    INCLUSIVE_BEDS("inclusive elder-care beds", "普惠养老床位", IndicatorUnit.COUNT,
            "beds of elder-care institutions flagged inclusive and not publicly owned"),
    INCLUSIVE_BED_SHARE("share of inclusive beds", "普惠性养老床位占比", IndicatorUnit.PERCENT,
            "inclusive beds (inclusive flag, not publicly owned) / institution beds x 100"),
    PUBLIC_AND_INCLUSIVE_BED_SHARE("combined share of safety-net and inclusive beds", "兜底线和普惠性养老床位合计占比",
            IndicatorUnit.PERCENT, "beds of institutions publicly owned or flagged inclusive / institution beds x 100"),
    BED_OCCUPANCY("bed occupancy rate", "床位入住率", IndicatorUnit.PERCENT,
            "occupied beds / beds, over elder-care institutions x 100"),
    CHILDCARE_INSTITUTIONS("childcare institutions", "托育机构数", IndicatorUnit.COUNT,
            "count of institutions of type NURSERY, KINDERGARTEN_NURSERY_CLASS or FAMILY_NURSERY"),
    FILED_NURSERIES("filed childcare institutions", "登记备案的托育机构数", IndicatorUnit.COUNT,
            "count of childcare institutions with filing (登记备案) done"),
    FILED_NURSERY_SHARE("filing rate of childcare institutions", "托育机构登记备案率", IndicatorUnit.PERCENT,
            "filed childcare institutions / childcare institutions x 100"),
    DEMONSTRATION_NURSERIES("demonstration childcare institutions", "示范性托育机构数", IndicatorUnit.COUNT,
            "count of childcare institutions with demonstration (示范性) status, any level"),
    CHILDCARE_PLACES("childcare places", "托位数", IndicatorUnit.COUNT,
            "sum of childcare places of childcare institutions"),
    PLACES_PER_1000("childcare places per 1,000 population", "每千人口托位数", IndicatorUnit.PER_1000,
            "childcare places / total population x 1,000"),
    INCLUSIVE_PLACE_SHARE("share of inclusive childcare places", "普惠性托位占比", IndicatorUnit.PERCENT,
            "places of childcare institutions flagged inclusive / childcare places x 100"),
    CHILDCARE_ENROLMENT("childcare enrolment rate", "托位使用率", IndicatorUnit.PERCENT,
            "enrolled children / childcare places x 100"),
    HARDSHIP_VISIT_RATE("monthly visit rate for older people in special hardship", "特殊困难老年人月探访率",
            IndicatorUnit.PERCENT, "registered elders with a hardship category, not living in an institution, with a"
            + " VISIT order completed (checked out) in the month ending on asOf / those elders x 100"),
    ASSESSMENT_COVERAGE_80_PLUS("ability-assessment coverage of people aged 80+", "80周岁及以上老年人能力评估覆盖率",
            IndicatorUnit.PERCENT, "registered elders aged 80+ on asOf with an ability assessment dated on or before"
            + " asOf / population aged 80+ x 100"),
    EMERGENCY_CALL_COVERAGE("emergency-call coverage of older people living alone or in hardship", "独居及特殊困难老年人"
            + "紧急呼叫覆盖率", IndicatorUnit.PERCENT, "registered elders living alone or with a hardship category who"
            + " have an SOS_BUTTON assigned, not revoked, online now / those elders x 100 (today only: the device"
            + " state is kept as current state)"),
    ALERTS_ANSWERED_IN_60S("share of emergency alerts answered within 60 s", "紧急呼叫60秒内应答率",
            IndicatorUnit.PERCENT, "SOS and FALL alerts raised in the 30 days ending on asOf and acknowledged within"
            + " 60 s of being raised / those alerts x 100");

    private final String nameEn;
    private final String nameZh;
    private final IndicatorUnit unit;
    private final String formula;

    IndicatorCode(String nameEn, String nameZh, IndicatorUnit unit, String formula) {
        this.nameEn = nameEn;
        this.nameZh = nameZh;
        this.unit = unit;
        this.formula = formula;
    }

    public String nameEn() {
        return nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public IndicatorUnit unit() {
        return unit;
    }

    public String formula() {
        return formula;
    }
}
