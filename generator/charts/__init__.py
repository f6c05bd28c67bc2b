"""The charts stage: Vega-Lite specs drawn to SVG by vl-convert worker processes (with their cache), then inlined
into the built pages."""
