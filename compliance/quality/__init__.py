"""Data quality as the 双公示 assessments measure it: field checks of the national data standard
(codes, ID numbers, enumerations, amounts, validity, required items), kept apart from timeliness."""
