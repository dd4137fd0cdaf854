/** The slice of jStat (MIT, no type declarations of its own) the rater model uses. */
declare module "jstat" {
  export const jStat: {
    studentt: {
      /** P(T <= x) for Student's t with `dof` degrees of freedom. */
      cdf(x: number, dof: number): number;
      /** The x with P(T <= x) = p. */
      inv(p: number, dof: number): number;
    };
  };
}
