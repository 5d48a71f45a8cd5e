/**
 * The demo kiosk: synthetic DEMO data built with the administrator's own commands ({@code DemoData}), the
 * election day of the one assembly on emulated devices ({@code DemoKiosk}), the demo windows and voter panel, and
 * the headless {@code demo --check}. Synthetic data only; uses {@code app.assembly}, {@code app.la} and the
 * administrator's actions of {@code app}.
 */
package kz.sailau.kiosk.app.demo;
