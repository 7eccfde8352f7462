use super::*;

#[test]
fn reference_plan_computes() {
    let plan = Plan::reference();
    let result = plan.compute().unwrap();
    assert_eq!(result.years.len(), 5);
    for y in &result.years {
        let sum: Decimal = y.members.iter().map(|m| m.contribution).sum();
        assert_eq!(sum, y.net, "{}", y.year);
    }
}
