/** Small JDBC helpers shared by the repositories of every capability. */
package io.aiactops.platform.jdbc;
