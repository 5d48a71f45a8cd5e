/**
 * The check-in timeline: how long each phase of a visit takes, kept as aggregated histograms (counts per
 * duration bucket, no order, no time of day, no per-voter record), and the p50/p95 table the administrator's
 * screen, the end-of-day bundle and {@code simulate --realtime} show. Depends on nothing else of the kiosk; the
 * only package that imports HdrHistogram (decision 0190). The engine and the device runner record into it.
 */
package kz.sailau.kiosk.timeline;
