package dev.researchvault.benchmarks;

/** One line of the suite's table. */
record Row(String area, String measure, String value, String goal, String verdict) {

    String format() {
        return String.format("| %s | %s | %s | %s | %s |", area, measure, value, goal, verdict);
    }
}
