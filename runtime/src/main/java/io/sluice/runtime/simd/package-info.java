/** Detection of the Vector API that the generated kernels' SIMD twins use. */
package io.sluice.runtime.simd;
