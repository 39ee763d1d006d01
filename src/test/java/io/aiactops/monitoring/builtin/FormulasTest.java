package io.aiactops.monitoring.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Each formula of docs/monitors.md against values worked out by hand (the working is in each comment). */
class FormulasTest {

    private static final double EPSILON = 0.0001;

    @Test
    void psiOfAKnownPairOfDistributions() {
        // shares r = .5 .3 .2, a = .3 .3 .4:
        // (.3 − .5)·ln(.3/.5) + 0 + (.4 − .2)·ln(.4/.2) = .2·0.5108256 + .2·0.6931472 = 0.2407946
        assertThat(Formulas.psi(new long[] {50, 30, 20}, new long[] {30, 30, 40}, EPSILON))
                .isCloseTo(0.2407946, within(1e-7));
    }

    @Test
    void psiOfIdenticalDistributionsIsZero() {
        assertThat(Formulas.psi(new long[] {10, 20, 30}, new long[] {100, 200, 300}, EPSILON)).isZero();
    }

    @Test
    void anEmptyReferenceBinCountsWithEpsilonNotInfinity() {
        // r = 1, ε; a = .5, .5: (.5 − 1)·ln(.5) + (.5 − .0001)·ln(.5/.0001) = 0.3465736 + 0.4999·8.5171932 = 4.6043185
        assertThat(Formulas.psi(new long[] {100, 0}, new long[] {50, 50}, EPSILON)).isCloseTo(4.6043185, within(1e-7));
    }

    @Test
    void categoryShiftAddsCategoriesNeverSeenInTheReference() {
        // r = .6 .4 ε, a = .4 .5 .1: −.2·ln(.4/.6) + .1·ln(.5/.4) + .0999·ln(.1/.0001)
        //   = 0.0810930 + 0.0223144 + 0.6900848 = 0.7934921
        assertThat(Formulas.categoryShift(Map.of("approve", 60L, "decline", 40L),
                Map.of("approve", 40L, "decline", 50L, "refer", 10L), EPSILON)).isCloseTo(0.7934921, within(1e-7));
    }

    @Test
    void quantileEdgesAndBins() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        // ranks floor(k·10/4) = 2, 5, 7 → values 3, 6, 8
        double[] edges = Formulas.quantileEdges(sorted, 4);
        assertThat(edges).containsExactly(3, 6, 8);
        assertThat(Formulas.bin(edges, 2)).isZero();
        assertThat(Formulas.bin(edges, 3)).isEqualTo(1);
        assertThat(Formulas.bin(edges, 5.5)).isEqualTo(1);
        assertThat(Formulas.bin(edges, 6)).isEqualTo(2);
        assertThat(Formulas.bin(edges, 100)).isEqualTo(3);
        assertThat(Formulas.histogram(edges, sorted)).containsExactly(2, 3, 2, 3);
    }

    @Test
    void tiedReferenceValuesMakeFewerBins() {
        // ranks 2, 5, 7 of 0 0 0 0 0 0 1 1 1 1 are 0, 0, 1: 0 is the minimum (no value below it), 1 stays
        assertThat(Formulas.quantileEdges(new double[] {0, 0, 0, 0, 0, 0, 1, 1, 1, 1}, 4)).containsExactly(1);
    }

    @Test
    void fourFifthsRatioOverGroupsLargeEnough() {
        // A: 60/100 = .60, B: 36/80 = .45, C has 10 members (< 30) and is left out; .45/.60 = 0.75
        Formulas.Parity parity = Formulas.groupParity(Map.of("A", 100L, "B", 80L, "C", 10L),
                Map.of("A", 60L, "B", 36L, "C", 10L), 30);
        assertThat(parity.ratio()).isCloseTo(0.75, within(1e-12));
        assertThat(parity.rates()).containsOnlyKeys("A", "B");
    }

    @Test
    void parityNeedsTwoGroupsAndIsOneWhenNoGroupHasTheOutcome() {
        assertThat(Formulas.groupParity(Map.of("A", 100L, "B", 5L), Map.of("A", 50L), 30)).isNull();
        assertThat(Formulas.groupParity(Map.of("A", 100L, "B", 50L), Map.of(), 30).ratio()).isEqualTo(1.0);
    }

    @Test
    void sharesMeansAndVolume() {
        // override rate: 12 overridden of 80 compared = 0.15; missing rate: 5 of 200 = 0.025
        assertThat(Formulas.share(12, 80)).isEqualTo(0.15);
        assertThat(Formulas.share(5, 200)).isEqualTo(0.025);
        // mean confidence: sum 70 over 100 values = 0.7
        assertThat(Formulas.mean(70, 100)).isCloseTo(0.7, within(1e-12));
        // volume: 120 now against 90, 100, 110, 100, 100, 100, 100 (mean 100) = 1.2
        assertThat(Formulas.volumeRatio(120, new long[] {90, 100, 110, 100, 100, 100, 100})).isCloseTo(1.2, within(1e-12));
    }
}
