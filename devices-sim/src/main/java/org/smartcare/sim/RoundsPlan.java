package org.smartcare.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * One caregiver's round, planned in advance and pure: the orders (elder, type, window), where the phone is
 * every 30-60 s, when the caregiver checks in and out, and which anomaly each order was given on purpose.
 *
 * <p>Time is simulated but must respect how the service judges "now": orders planned without a missing
 * check-out lie after {@code start} (the run's present or later), so none of them is overdue when it is
 * checked in; orders given a missing check-out lie before {@code start}, overdue by the time they are checked
 * in, and far enough apart that they overlap nothing.
 */
public final class RoundsPlan {

    /** Anomaly kinds as the service names them (AnomalyKind). */
    public enum Kind {
        CHECK_IN_FAR_FROM_HOME, SHORT_SERVICE, CHECK_IN_OUTSIDE_WINDOW, MISSING_CHECK_OUT, OVERLAPPING_ORDERS,
        IMPOSSIBLE_SPEED
    }

    /** An elder's home. */
    public record Home(long elderId, double lat, double lon) {
    }

    /** A phone fix. */
    public record Fix(Instant at, double lat, double lon, double accuracyM) {
    }

    /** One planned order; checkOut null means the caregiver never checks out. */
    public record Visit(int index, Home home, String type, int standardMinutes, Instant scheduledStart,
                        Instant scheduledEnd, Fix checkIn, Fix checkOut, Set<Kind> injected) {
    }

    /** A step the runner performs in order. */
    public sealed interface Step {
        /** Publish these fixes from the phone. */
        record Fixes(List<Fix> fixes) implements Step {
        }

        /** Create, assign, set off and check in the visit. */
        record CheckIn(Visit visit) implements Step {
        }

        /** Check the visit out. */
        record CheckOut(Visit visit) implements Step {
        }
    }

    static final double METRES_PER_DEGREE_LAT = 111_195;
    static final Duration TOLERANCE = Duration.ofMinutes(15);
    private static final double SPEED_MPS = 20 / 3.6;
    private static final String[] SHORT_TYPES = {"MEAL", "VISIT"};
    private static final String[] LONG_TYPES = {"BATH", "HOME_NURSING", "MOBILITY"};

    private final List<Visit> visits = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private final Random random;
    private final List<Home> homes;
    private double lat;
    private double lon;
    private Instant now;

    private RoundsPlan(Random random, List<Home> homes) {
        this.random = random;
        this.homes = homes;
    }

    /**
     * Plans {@code orders} visits among {@code homes} from {@code start}, injecting each kind with probability
     * {@code rate} per order (at most one injected kind per order; an overlap takes two orders).
     */
    public static RoundsPlan plan(Random random, List<Home> homes, Instant start, int orders, double rate) {
        if (homes.size() < 2) {
            throw new IllegalArgumentException("a round needs at least two elders");
        }
        RoundsPlan plan = new RoundsPlan(random, homes);
        List<Kind> kinds = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            double draw = random.nextDouble();
            Kind kind = draw < rate * Kind.values().length ? Kind.values()[(int) (draw / rate)] : null;
            kinds.add(kind);
        }
        // The service windows a track from the server's time of setting off, which in a simulated future lies
        // before every later check-in: a glitch would show in every later order's track, so glitches come last.
        kinds.sort(java.util.Comparator.comparing(k -> k == Kind.IMPOSSIBLE_SPEED));
        plan.planMissing(kinds.stream().filter(k -> k == Kind.MISSING_CHECK_OUT).count(), start);
        plan.now = start;
        Home first = homes.get(random.nextInt(homes.size()));
        plan.lat = first.lat() + plan.offset(300);
        plan.lon = first.lon();
        for (Kind kind : kinds) {
            if (kind == Kind.MISSING_CHECK_OUT) {
                continue;
            }
            if (kind == Kind.OVERLAPPING_ORDERS) {
                plan.overlapping();
            } else {
                plan.visit(kind);
            }
        }
        return plan;
    }

    public List<Visit> visits() {
        return List.copyOf(visits);
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    /** Missing check-outs before {@code start}: checked in, never out, each overdue before the next begins. */
    private void planMissing(long count, Instant start) {
        Instant at = start.minus(Duration.ofMinutes(10));
        List<Visit> missing = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            Home home = nextHome();
            int standard = 30;
            at = at.minus(Duration.ofMinutes(2L * standard + 20));
            Instant scheduled = at.minus(Duration.ofMinutes(random.nextInt(5)));
            Fix in = near(home, at, 20);
            missing.addFirst(new Visit(-1, home, "VISIT", standard, scheduled, scheduled.plus(Duration.ofMinutes(standard)),
                    in, null, EnumSet.of(Kind.MISSING_CHECK_OUT)));
        }
        for (Visit visit : missing) {
            Visit numbered = renumber(visit);
            steps.add(new Step.Fixes(List.of(numbered.checkIn())));
            steps.add(new Step.CheckIn(numbered));
        }
    }

    private void visit(Kind kind) {
        Home home = nextHome();
        boolean long_ = random.nextBoolean();
        String type = long_ ? pick(LONG_TYPES) : pick(SHORT_TYPES);
        int standard = long_ ? 60 : 30;
        Fix spot = kind == Kind.CHECK_IN_FAR_FROM_HOME ? away(home, 400 + random.nextInt(500)) : near(home, null, 25);
        List<Fix> fixes = new ArrayList<>(travelTo(spot.lat(), spot.lon()));
        Instant arrival = now;
        Instant start = arrival.minus(Duration.ofMinutes(random.nextInt(10)));
        if (kind == Kind.CHECK_IN_OUTSIDE_WINDOW) {
            long off = 25 + random.nextInt(35);
            start = random.nextBoolean() ? arrival.minus(Duration.ofMinutes(standard + off)) : arrival.plus(Duration.ofMinutes(off));
        }
        Fix in = new Fix(arrival, spot.lat(), spot.lon(), 10);
        double ratio = kind == Kind.SHORT_SERVICE ? 0.15 + random.nextDouble() * 0.25 : 0.8 + random.nextDouble() * 0.5;
        Instant out = arrival.plusSeconds(Math.round(standard * 60 * ratio));
        fixes.addAll(stay(spot.lat(), spot.lon(), arrival, out, kind == Kind.IMPOSSIBLE_SPEED));
        Fix checkOut = new Fix(out, spot.lat(), spot.lon(), 10);
        Visit visit = new Visit(visits.size(), home, type, standard, start, start.plus(Duration.ofMinutes(standard)), in,
                checkOut, kind == null ? EnumSet.noneOf(Kind.class) : EnumSet.of(kind));
        visits.add(visit);
        steps.add(new Step.Fixes(fixes));
        steps.add(new Step.CheckIn(visit));
        steps.add(new Step.CheckOut(visit));
        now = out;
        lat = spot.lat();
        lon = spot.lon();
        idle();
    }

    /** Checked in at one elder, the caregiver slips away to a neighbour, serves there, and comes back. */
    private void overlapping() {
        Home first = nextHome();
        Home second = nearest(first);
        List<Fix> fixes = new ArrayList<>(travelTo(first.lat(), first.lon()));
        Instant inFirst = now;
        Instant startFirst = inFirst.minus(Duration.ofMinutes(random.nextInt(10)));
        Visit a = new Visit(visits.size(), first, pick(LONG_TYPES), 60, startFirst, startFirst.plus(Duration.ofMinutes(60)),
                new Fix(inFirst, first.lat(), first.lon(), 10), null, EnumSet.of(Kind.OVERLAPPING_ORDERS));
        visits.add(a);
        Instant leave = inFirst.plus(Duration.ofMinutes(12 + random.nextInt(8)));
        fixes.addAll(stay(first.lat(), first.lon(), inFirst, leave, false));
        lat = first.lat();
        lon = first.lon();
        now = leave;
        fixes.addAll(travelTo(second.lat(), second.lon()));
        Instant inSecond = now;
        Instant startSecond = inSecond.minus(Duration.ofMinutes(random.nextInt(10)));
        Instant outSecond = inSecond.plus(Duration.ofMinutes(25 + random.nextInt(8)));
        Visit b = new Visit(visits.size(), second, pick(SHORT_TYPES), 30, startSecond,
                startSecond.plus(Duration.ofMinutes(30)), new Fix(inSecond, second.lat(), second.lon(), 10),
                new Fix(outSecond, second.lat(), second.lon(), 10), EnumSet.of(Kind.OVERLAPPING_ORDERS));
        visits.add(b);
        fixes.addAll(stay(second.lat(), second.lon(), inSecond, outSecond, false));
        lat = second.lat();
        lon = second.lon();
        now = outSecond;
        fixes.addAll(travelTo(first.lat(), first.lon()));
        Instant outFirst = now.plus(Duration.ofMinutes(3));
        fixes.addAll(stay(first.lat(), first.lon(), now, outFirst, false));
        Visit aDone = new Visit(a.index(), a.home(), a.type(), a.standardMinutes(), a.scheduledStart(), a.scheduledEnd(),
                a.checkIn(), new Fix(outFirst, first.lat(), first.lon(), 10), a.injected());
        visits.set(a.index(), aDone);
        steps.add(new Step.Fixes(fixes));
        steps.add(new Step.CheckIn(aDone));
        steps.add(new Step.CheckIn(b));
        steps.add(new Step.CheckOut(b));
        steps.add(new Step.CheckOut(aDone));
        now = outFirst;
        idle();
    }

    private Visit renumber(Visit visit) {
        Visit numbered = new Visit(visits.size(), visit.home(), visit.type(), visit.standardMinutes(),
                visit.scheduledStart(), visit.scheduledEnd(), visit.checkIn(), null, visit.injected());
        visits.add(numbered);
        return numbered;
    }

    /** Fixes every 30 s at 20 km/h from the current position; ends at the destination, with time advanced. */
    private List<Fix> travelTo(double toLat, double toLon) {
        double metres = distance(lat, lon, toLat, toLon);
        long seconds = Math.max(60, Math.round(metres / SPEED_MPS));
        List<Fix> fixes = new ArrayList<>();
        for (long s = 30; s < seconds; s += 30) {
            double f = (double) s / seconds;
            fixes.add(new Fix(now.plusSeconds(s), lat + (toLat - lat) * f, lon + (toLon - lon) * f, 10));
        }
        now = now.plusSeconds(seconds);
        lat = toLat;
        lon = toLon;
        return fixes;
    }

    /** Fixes every 60 s around a spot; with a glitch, one fix kilometres away between two ordinary ones. */
    private List<Fix> stay(double atLat, double atLon, Instant from, Instant to, boolean glitch) {
        List<Fix> fixes = new ArrayList<>();
        Instant glitchAt = glitch ? from.plus(Duration.between(from, to).dividedBy(2)) : null;
        for (Instant t = from.plusSeconds(60); t.isBefore(to); t = t.plusSeconds(60)) {
            fixes.add(new Fix(t, atLat + offset(8), atLon + offset(8) / Math.cos(Math.toRadians(atLat)), 10));
            if (glitchAt != null && !t.isBefore(glitchAt)) {
                double km = 3 + random.nextDouble() * 5;
                fixes.add(new Fix(t.plusSeconds(20), atLat + km * 1000 / METRES_PER_DEGREE_LAT, atLon, 20));
                glitchAt = null;
            }
        }
        return fixes;
    }

    /** A break between visits. */
    private void idle() {
        now = now.plus(Duration.ofMinutes(5 + random.nextInt(10)));
    }

    private Home nextHome() {
        Home home;
        do {
            home = homes.get(random.nextInt(homes.size()));
        } while (homes.size() > 1 && distance(home.lat(), home.lon(), lat, lon) < 1 && lat != 0);
        return home;
    }

    private Home nearest(Home from) {
        Home best = null;
        for (Home home : homes) {
            if (home.elderId() != from.elderId() && (best == null || distance(from.lat(), from.lon(), home.lat(), home.lon())
                    < distance(from.lat(), from.lon(), best.lat(), best.lon()))) {
                best = home;
            }
        }
        return best;
    }

    private Fix near(Home home, Instant at, double metres) {
        return new Fix(at == null ? now : at, home.lat() + offset(metres),
                home.lon() + offset(metres) / Math.cos(Math.toRadians(home.lat())), 10);
    }

    private Fix away(Home home, double metres) {
        double bearing = random.nextDouble() * 2 * Math.PI;
        double dLat = metres * Math.cos(bearing) / METRES_PER_DEGREE_LAT;
        double dLon = metres * Math.sin(bearing) / (METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians(home.lat())));
        return new Fix(now, home.lat() + dLat, home.lon() + dLon, 10);
    }

    /** A random offset of up to {@code metres} (per axis), in degrees of latitude. */
    private double offset(double metres) {
        return (random.nextDouble() * 2 - 1) * metres / Math.sqrt(2) / METRES_PER_DEGREE_LAT;
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    static double distance(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
