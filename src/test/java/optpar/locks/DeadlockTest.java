package optpar.locks;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeadlockTest {

    private static boolean transferThreadsAlive() {
        var alive = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && (t.getName().startsWith("transfer ") || t.getName().equals("a->b") || t.getName().equals("b->a")))
                .map(t -> t.getName() + " " + t.getState()).toList();
        if (!alive.isEmpty()) System.err.println("alive: " + alive);
        return !alive.isEmpty();
    }

    @Test
    void wrongOrderDeadlockIsDetectedAndEndedWithinTheBound() {
        LockReport r = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> DeadlockDemo.run(Transfers.WRONG_ORDER, Duration.ofSeconds(5)));
        assertTrue(r.deadlocked(), r.toString());
        assertTrue(r.detectedMillis() >= 0 && r.detectedMillis() < 5000, r.toString());
        assertEquals(2, r.cycle().size(), r.toString());
        assertTrue(r.cycle().get(0).contains("held by 'transfer"), r.toString());
        assertEquals("transfer a->b", r.victim());
        assertEquals(1, r.done(), "the victim gave up, the other transfer went through");
        assertTrue(r.allEnded());
        assertEquals(r.moneyBefore(), r.moneyAfter());
        assertFalse(r.completed());
        assertFalse(transferThreadsAlive(), "no transfer thread may outlive the demo");
    }

    @ParameterizedTest
    @EnumSource(value = Transfers.class, names = {"TRY_LOCK", "ORDERED"})
    void curesCompleteTheSameWorstInterleaving(Transfers way) {
        LockReport r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> DeadlockDemo.run(way, Duration.ofSeconds(5)));
        assertTrue(r.completed(), r.toString());
        assertEquals(2, r.done());
        assertFalse(transferThreadsAlive());
    }

    @ParameterizedTest
    @EnumSource(value = Transfers.class, names = {"TRY_LOCK", "ORDERED"})
    void curesCompleteUnderLoadAndConserveMoney(Transfers way) {
        LockReport r = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> TransferStress.run(way, 20_000, Duration.ofSeconds(15)));
        assertTrue(r.completed(), r.toString());
        assertEquals(40_000, r.done());
        assertEquals(r.moneyBefore(), r.moneyAfter());
    }

    @Test
    void wrongOrderUnderLoadEitherCompletesOrIsDetectedAndEnded() {
        LockReport r = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> TransferStress.run(Transfers.WRONG_ORDER, 200_000, Duration.ofSeconds(5)));
        assertTrue(r.allEnded(), r.toString());
        assertEquals(r.moneyBefore(), r.moneyAfter(), "each transfer is whole even when the run deadlocks");
        assertTrue(r.deadlocked() || r.done() == r.planned(), r.toString());
        assertFalse(transferThreadsAlive());
    }

    @Test
    void transfersMoveMoneyAndRejectBadInput() throws InterruptedException {
        var a = new Account(1, 100);
        var b = new Account(2, 100);
        for (Transfers way : Transfers.values()) {
            way.transfer(a, b, 10);
            way.transfer(b, a, 3);
        }
        assertEquals(100 - 21, a.balance());
        assertEquals(100 + 21, b.balance());
        assertThrows(IllegalArgumentException.class, () -> Transfers.ORDERED.transfer(a, a, 1));
        assertThrows(IllegalArgumentException.class, () -> Transfers.ORDERED.transfer(a, b, -1));
        assertThrows(IllegalArgumentException.class, () -> Transfers.ORDERED.transfer(a, new Account(1, 0), 1));
        assertThrows(IllegalArgumentException.class, () -> TransferStress.run(Transfers.ORDERED, 0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> DeadlockDemo.run(Transfers.ORDERED, Duration.ZERO));
        assertFalse(transferThreadsAlive(), "a bad bound is refused before any thread starts");
    }
}
