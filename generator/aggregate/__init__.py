"""The aggregate stage: totals per programme, province, week and centre; household figures; the decisions tracker."""
