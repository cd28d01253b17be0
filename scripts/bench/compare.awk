# Summarizes bench-compare.sh results (lines 'SIDE FIGURE VALUE UNIT'): per figure, the median
# of each side, and the median of the per-round ratios new/old (each round runs both sides back
# to back, so a ratio cancels the machine's drift between rounds).
# Usage: awk -f scripts/bench/compare.awk RESULTS
function median(list,    n, values, i, j, t) {
    n = split(list, values, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (values[j] + 0 < values[i] + 0) { t = values[i]; values[i] = values[j]; values[j] = t }
    return n % 2 ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
}
{
    key = $2; unit[key] = $4; seen[key] = 1; runs[$1, key] = runs[$1, key] " " $3
    count[$1, key]++; value[$1, key, count[$1, key]] = $3
}
END {
    printf "%-48s %12s %12s %8s %9s  %s\n", "figure (median of rounds)", "old", "new", "new/old", "per-round", "unit"
    for (key in seen) names[++total] = key
    for (i = 1; i <= total; i++) for (j = i + 1; j <= total; j++) if (names[j] < names[i]) { t = names[i]; names[i] = names[j]; names[j] = t }
    for (i = 1; i <= total; i++) {
        key = names[i]
        if (runs["old", key] == "" || runs["new", key] == "") continue
        o = median(runs["old", key]); n = median(runs["new", key])
        ratios = ""
        for (r = 1; r <= count["old", key] && r <= count["new", key]; r++)
            if (value["old", key, r] + 0 != 0) ratios = ratios " " (100 * value["new", key, r] / value["old", key, r])
        printf "%-48s %12.2f %12.2f %7.0f%% %8.0f%%  %s\n", key, o, n, o == 0 ? 0 : 100 * n / o, ratios == "" ? 0 : median(ratios), unit[key]
    }
}
