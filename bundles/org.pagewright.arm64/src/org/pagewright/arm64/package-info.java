/**
 * The arm64 page-table engine: VMSAv8-64 tables as the hardware holds them and the Linux rules that build
 * and change them. Pure Java: no Eclipse, no EMF.
 */
package org.pagewright.arm64;
