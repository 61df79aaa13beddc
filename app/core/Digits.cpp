// placeholder replaced by the rules work
