package org.smartcare.demo;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import org.smartcare.care.Elder;
import org.smartcare.care.ElderData;
import org.smartcare.care.FamilyLinks;
import org.smartcare.care.Gender;
import org.smartcare.care.Institution;
import org.smartcare.care.PartnerConsents;
import org.smartcare.childcare.Children;
import org.smartcare.childcare.Guardian;
import org.smartcare.childcare.NewChild;

/**
 * The demo city's families: two family accounts linked to their elders, a partner app some elders consented to
 * (one consent revoked), and children at the demo nursery with their guardians. Idempotent, like the city.
 * Tokens: {@code deploy/token --role FAMILY --tenant demo-city --subject demo-family-wang} (or -li),
 * {@code deploy/token --role PARTNER --tenant demo-city --subject demo-partner-app}.
 */
@Singleton
@Requires(property = "smartcare.demo.enabled", value = "true")
public class DemoFamilies {

    public static final String WANG = "demo-family-wang";
    public static final String LI = "demo-family-li";
    public static final String PARTNER = "demo-partner-app";

    private final FamilyLinks links;
    private final PartnerConsents consents;
    private final Children children;

    DemoFamilies(FamilyLinks links, PartnerConsents consents, Children children) {
        this.links = links;
        this.consents = consents;
        this.children = children;
    }

    /** {@code elders} in the city's order (at least 8). */
    void load(List<Elder> elders, Institution nursery) {
        String tenant = DemoCity.TENANT;
        links.link(tenant, WANG, elders.get(0).id(), "女儿");
        links.link(tenant, WANG, elders.get(1).id(), "女儿");
        links.link(tenant, LI, elders.get(2).id(), "儿子");
        // A fixed instant, so that loading the city again finds the same grants.
        Instant since = Instant.parse("2026-01-01T00:00:00Z");
        for (int i : new int[] {0, 2, 4}) {
            consents.grant(tenant, PARTNER, elders.get(i).id(), EnumSet.of(ElderData.ALERTS, ElderData.DEVICES), since,
                    null);
        }
        if (!consents.ever(tenant, PARTNER, elders.get(6).id())) {
            consents.grant(tenant, PARTNER, elders.get(6).id(), EnumSet.allOf(ElderData.class), since, null);
            consents.revoke(tenant, PARTNER, elders.get(6).id(), since.plus(7, ChronoUnit.DAYS));
        }

        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        child(tenant, "王小雨", "421303202406150021", today.minusMonths(18), Gender.FEMALE, nursery,
                new Guardian(0, WANG, "王丽", "母亲", "13907226001"));
        child(tenant, "李乐乐", "421303202409200034", today.minusMonths(14), Gender.MALE, nursery,
                new Guardian(0, LI, "李强", "父亲", "13907226002"));
        child(tenant, "陈思远", "421303202311080047", today.minusMonths(25), Gender.MALE, nursery,
                new Guardian(0, "demo-family-chen", "陈静", "母亲", "13907226003"));
    }

    private void child(String tenant, String name, String nationalId, LocalDate born, Gender gender,
                       Institution nursery, Guardian guardian) {
        long id = children.register(new NewChild(tenant, name, nationalId, born, gender));
        children.addGuardian(new Guardian(id, guardian.subject(), guardian.name(), guardian.relation(),
                guardian.phone()));
        children.enroll(id, nursery.id(),
                LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).withDayOfMonth(1).minusMonths(3));
    }
}
