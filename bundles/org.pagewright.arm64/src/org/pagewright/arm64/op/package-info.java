/** Primitive kernel page-table steps as values, their closed set of results, and the Executor applying them. */
package org.pagewright.arm64.op;
